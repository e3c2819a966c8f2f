## Evidence files on a measure status, and comments on a status or a risk assessment.

ui-evidence-title = Dokumentasjon som filer
ui-evidence-none = Ingen filer er lagt ved ennå.
ui-evidence-file = Legg ved en fil
ui-evidence-hint = PDF, bilde (PNG, JPEG), Office- eller OpenDocument-fil, eller ren tekst (TXT, CSV, MD). Høyst { $max }. Filen legges til som dokumentasjon på statusen, og bare medlemmer av virksomheten kan laste den ned.
ui-evidence-upload = Last opp
ui-evidence-remove = Fjern
ui-evidence-empty = Velg en fil som ikke er tom.
ui-evidence-too-large = Filen er for stor: høyst { $max } MB.
ui-evidence-kind = Denne filtypen tas ikke imot. Bruk PDF, PNG, JPEG, en Office- eller OpenDocument-fil, eller ren tekst.
ui-evidence-name = Filen mangler et gyldig navn.
ui-evidence-too-many = Statusen har allerede så mange filer som den kan ha. Fjern en før du legger ved en ny.

ui-comments-title = Kommentarer
ui-comments-none = Ingen kommentarer ennå.
ui-comments-new = Ny kommentar
ui-comments-hint = Synlig for alle medlemmer av virksomheten, med navnet ditt og tidspunktet. En kommentar kan ikke endres etterpå.
ui-comments-add = Legg til kommentar
account-comment-text = Skriv en kommentar (høyst 10 000 tegn).

## The workspace as a workbook in the browser.

ui-nav-workbook = Regneark
ui-workbook-title = Arbeidsområdet som regneark
ui-workbook-intro = Last ned arbeidsområdet som regneark, endre det i Excel eller LibreOffice, og last det opp igjen. Du ser hver endring før noe lagres, og enten lagres alt eller ingenting.
ui-workbook-download = Last ned arbeidsområdet (XLSX)
ui-workbook-template = Last ned en tom mal (XLSX)
ui-workbook-upload-title = Last opp et endret regneark
ui-workbook-file = Regneark (XLSX)
ui-workbook-hint = Arkene erstatter de delene av arbeidsområdet de inneholder; ark som mangler, lar delen stå som den er. Høyst { $max } MB.
ui-workbook-read = Les inn og vis endringene
ui-workbook-too-large = Regnearket er for stort: høyst { $max } MB.
ui-workbook-empty = Velg et regneark.
ui-workbook-refused = { $count ->
    [one] Regnearket har ett problem. Ingenting er lagret; rett det og last opp på nytt.
   *[other] Regnearket har { $count } problemer. Ingenting er lagret; rett dem og last opp på nytt.
}
ui-workbook-problems = Problemer i regnearket, med ark, rad og kolonne
ui-workbook-col-place = Hvor
ui-workbook-col-problem = Problem
ui-workbook-preview-title = Endringene fra regnearket
ui-workbook-preview-intro = { $n ->
    [one] Regnearket gjør én endring i arbeidsområdet. Ingenting er lagret ennå.
   *[other] Regnearket gjør { $n } endringer i arbeidsområdet. Ingenting er lagret ennå.
}
ui-workbook-no-changes = Regnearket er likt arbeidsområdet.
ui-workbook-apply = Lagre alle endringene
ui-workbook-cancel = Avbryt uten å lagre
ui-workbook-stale = Arbeidsområdet er endret etter at regnearket ble lest inn, så endringene kan ikke lagres uten å overskrive noe. Last ned arbeidsområdet på nytt og gjør endringene der.
ui-workbook-again = Til regnearksiden

## The follow-up digest by e-mail.

digest-subject = { $n ->
    [one] Grunnmur: én oppgave har frist
   *[other] Grunnmur: { $n } oppgaver har frist
}
digest-intro = { $n ->
    [one] Du eier én oppgave i Grunnmur som har passert fristen eller har frist innen 30 dager (per { $date }).
   *[other] Du eier { $n } oppgaver i Grunnmur som har passert fristen eller har frist innen 30 dager (per { $date }).
}
digest-overdue = Fristen er passert
digest-soon = Frist innen 30 dager
digest-item = { $what } – { $place } – frist { $due } – { $status }
digest-footer = Du får denne oversikten fordi du står som eier av oppgavene. Vil du ikke ha den lenger: { $url }
digest-unsubscribe-title = Oversikt over oppgaver på e-post
digest-unsubscribe-ask = Vil du slutte å få den daglige oversikten over oppgavene dine med frist på e-post?
digest-unsubscribe-button = Slutt å sende oversikten
digest-unsubscribed = Du får ikke lenger oversikten på e-post. Oppgavene står fortsatt under Mine oppgaver.
digest-resubscribe-button = Send oversikten igjen
digest-resubscribed = Du får oversikten på e-post igjen.
digest-unknown = Lenken er ikke gyldig.
digest-serve-on = E-post: oversikten over oppgaver med frist sendes hver dag fra klokken { $hour }.
digest-cli-no-smtp = Oppgi --smtp-url for å sende, eller --dry-run for å se meldingene.
digest-cli-sent = { $n ->
    [one] Én oversikt er sendt.
   *[other] { $n } oversikter er sendt.
}
