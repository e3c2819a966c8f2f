## Evidence files on a measure status, and comments on a status or a risk assessment.

ui-evidence-title = Evidence files
ui-evidence-none = No files attached yet.
ui-evidence-file = Attach a file
ui-evidence-hint = PDF, image (PNG, JPEG), Office or OpenDocument file, or plain text (TXT, CSV, MD). At most { $max }. The file is added to the status as evidence, and only members of the body can download it.
ui-evidence-upload = Upload
ui-evidence-remove = Remove
ui-evidence-empty = Choose a file that is not empty.
ui-evidence-too-large = The file is too large: at most { $max } MB.
ui-evidence-kind = This kind of file is not accepted. Use PDF, PNG, JPEG, an Office or OpenDocument file, or plain text.
ui-evidence-name = The file has no valid name.
ui-evidence-too-many = The status already has as many files as it can hold. Remove one before attaching another.

ui-comments-title = Comments
ui-comments-none = No comments yet.
ui-comments-new = New comment
ui-comments-hint = Visible to every member of the body, with your name and the time. A comment cannot be changed afterwards.
ui-comments-add = Add comment
account-comment-text = Write a comment (at most 10,000 characters).

## The workspace as a workbook in the browser.

ui-nav-workbook = Workbook
ui-workbook-title = The workspace as a workbook
ui-workbook-intro = Download the workspace as a workbook, change it in Excel or LibreOffice, and upload it again. You see every change before anything is stored, and either all of it is stored or nothing.
ui-workbook-download = Download the workspace (XLSX)
ui-workbook-template = Download an empty template (XLSX)
ui-workbook-upload-title = Upload a changed workbook
ui-workbook-file = Workbook (XLSX)
ui-workbook-hint = The sheets replace the parts of the workspace they hold; a missing sheet leaves its part as it is. At most { $max } MB.
ui-workbook-read = Read it and show the changes
ui-workbook-too-large = The workbook is too large: at most { $max } MB.
ui-workbook-empty = Choose a workbook.
ui-workbook-refused = { $count ->
    [one] The workbook has one problem. Nothing is stored; correct it and upload again.
   *[other] The workbook has { $count } problems. Nothing is stored; correct them and upload again.
}
ui-workbook-problems = Problems in the workbook, with sheet, row and column
ui-workbook-col-place = Where
ui-workbook-col-problem = Problem
ui-workbook-preview-title = The changes from the workbook
ui-workbook-preview-intro = { $n ->
    [one] The workbook makes one change to the workspace. Nothing is stored yet.
   *[other] The workbook makes { $n } changes to the workspace. Nothing is stored yet.
}
ui-workbook-no-changes = The workbook is the same as the workspace.
ui-workbook-apply = Store all the changes
ui-workbook-cancel = Cancel without storing
ui-workbook-stale = The workspace has changed since the workbook was read, so its changes cannot be stored without overwriting something. Download the workspace again and make the changes there.
ui-workbook-again = To the workbook page

## The follow-up digest by e-mail.

digest-subject = { $n ->
    [one] Grunnmur: one task is due
   *[other] Grunnmur: { $n } tasks are due
}
digest-intro = { $n ->
    [one] You own one task in Grunnmur that is overdue or due within 30 days (as of { $date }).
   *[other] You own { $n } tasks in Grunnmur that are overdue or due within 30 days (as of { $date }).
}
digest-overdue = Overdue
digest-soon = Due within 30 days
digest-item = { $what } – { $place } – due { $due } – { $status }
digest-footer = You get this overview because you are named as the owner of these tasks. To stop it: { $url }
digest-unsubscribe-title = Overview of tasks by e-mail
digest-unsubscribe-ask = Do you want to stop getting the daily e-mail overview of your tasks with deadlines?
digest-unsubscribe-button = Stop sending the overview
digest-unsubscribed = You no longer get the overview by e-mail. Your tasks are still under My tasks.
digest-resubscribe-button = Send the overview again
digest-resubscribed = You get the overview by e-mail again.
digest-unknown = The link is not valid.
digest-serve-on = E-mail: the overview of tasks with deadlines goes out every day from { $hour } o'clock.
digest-cli-no-smtp = Give --smtp-url to send, or --dry-run to see the messages.
digest-cli-sent = { $n ->
    [one] One overview sent.
   *[other] { $n } overviews sent.
}
