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
