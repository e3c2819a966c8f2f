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
