## Evidence files on a measure status, and comments on a status or a risk assessment.

ui-evidence-title = Dokumentasjon som filer
ui-evidence-none = Ingen filer er lagde ved enno.
ui-evidence-file = Legg ved ei fil
ui-evidence-hint = PDF, bilete (PNG, JPEG), Office- eller OpenDocument-fil, eller rein tekst (TXT, CSV, MD). Høgst { $max }. Fila blir lagd til som dokumentasjon på statusen, og berre medlemmer av verksemda kan laste henne ned.
ui-evidence-upload = Last opp
ui-evidence-remove = Fjern
ui-evidence-empty = Vel ei fil som ikkje er tom.
ui-evidence-too-large = Fila er for stor: høgst { $max } MB.
ui-evidence-kind = Denne filtypen blir ikkje teken imot. Bruk PDF, PNG, JPEG, ei Office- eller OpenDocument-fil, eller rein tekst.
ui-evidence-name = Fila manglar eit gyldig namn.
ui-evidence-too-many = Statusen har allereie så mange filer som han kan ha. Fjern ei før du legg ved ei ny.

ui-comments-title = Kommentarar
ui-comments-none = Ingen kommentarar enno.
ui-comments-new = Ny kommentar
ui-comments-hint = Synleg for alle medlemmer av verksemda, med namnet ditt og tidspunktet. Ein kommentar kan ikkje endrast etterpå.
ui-comments-add = Legg til kommentar
account-comment-text = Skriv ein kommentar (høgst 10 000 teikn).

## The workspace as a workbook in the browser.

ui-nav-workbook = Rekneark
ui-workbook-title = Arbeidsområdet som rekneark
ui-workbook-intro = Last ned arbeidsområdet som rekneark, endre det i Excel eller LibreOffice, og last det opp att. Du ser kvar endring før noko blir lagra, og anten blir alt lagra eller ingenting.
ui-workbook-download = Last ned arbeidsområdet (XLSX)
ui-workbook-template = Last ned ein tom mal (XLSX)
ui-workbook-upload-title = Last opp eit endra rekneark
ui-workbook-file = Rekneark (XLSX)
ui-workbook-hint = Arka erstattar dei delane av arbeidsområdet dei inneheld; ark som manglar, lèt delen stå som han er. Høgst { $max } MB.
ui-workbook-read = Les inn og vis endringane
ui-workbook-too-large = Reknearket er for stort: høgst { $max } MB.
ui-workbook-empty = Vel eit rekneark.
ui-workbook-refused = { $count ->
    [one] Reknearket har eitt problem. Ingenting er lagra; rett det og last opp på nytt.
   *[other] Reknearket har { $count } problem. Ingenting er lagra; rett dei og last opp på nytt.
}
ui-workbook-problems = Problem i reknearket, med ark, rad og kolonne
ui-workbook-col-place = Kvar
ui-workbook-col-problem = Problem
ui-workbook-preview-title = Endringane frå reknearket
ui-workbook-preview-intro = { $n ->
    [one] Reknearket gjer éi endring i arbeidsområdet. Ingenting er lagra enno.
   *[other] Reknearket gjer { $n } endringar i arbeidsområdet. Ingenting er lagra enno.
}
ui-workbook-no-changes = Reknearket er likt arbeidsområdet.
ui-workbook-apply = Lagre alle endringane
ui-workbook-cancel = Avbryt utan å lagre
ui-workbook-stale = Arbeidsområdet er endra etter at reknearket vart lese inn, så endringane kan ikkje lagrast utan å skrive over noko. Last ned arbeidsområdet på nytt og gjer endringane der.
ui-workbook-again = Til reknearksida

## The follow-up digest by e-mail.

digest-subject = { $n ->
    [one] Grunnmur: éi oppgåve har frist
   *[other] Grunnmur: { $n } oppgåver har frist
}
digest-intro = { $n ->
    [one] Du eig éi oppgåve i Grunnmur som har passert fristen eller har frist innan 30 dagar (per { $date }).
   *[other] Du eig { $n } oppgåver i Grunnmur som har passert fristen eller har frist innan 30 dagar (per { $date }).
}
digest-overdue = Fristen er passert
digest-soon = Frist innan 30 dagar
digest-item = { $what } – { $place } – frist { $due } – { $status }
digest-footer = Du får denne oversikta fordi du står som eigar av oppgåvene. Vil du ikkje ha henne lenger: { $url }
digest-unsubscribe-title = Oversikt over oppgåver på e-post
digest-unsubscribe-ask = Vil du slutte å få den daglege oversikta over oppgåvene dine med frist på e-post?
digest-unsubscribe-button = Slutt å sende oversikta
digest-unsubscribed = Du får ikkje lenger oversikta på e-post. Oppgåvene står framleis under Mine oppgåver.
digest-resubscribe-button = Send oversikta att
digest-resubscribed = Du får oversikta på e-post att.
digest-unknown = Lenkja er ikkje gyldig.
digest-serve-on = E-post: oversikta over oppgåver med frist blir send kvar dag frå klokka { $hour }.
digest-cli-no-smtp = Oppgi --smtp-url for å sende, eller --dry-run for å sjå meldingane.
digest-cli-sent = { $n ->
    [one] Éi oversikt er send.
   *[other] { $n } oversikter er sende.
}
