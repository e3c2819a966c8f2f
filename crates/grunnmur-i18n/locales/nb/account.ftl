# Passord, totrinnsinnlogging, lenker for nytt passord og invitasjoner.

account-password-too-short = Passordet må ha minst { $min } tegn.
account-password-common = Passordet er blant de mest brukte passordene. Velg et annet.
account-password-wrong = Passordet er feil.
account-password-same = Det nye passordet må være et annet enn det du har nå.
account-totp-wrong = Koden er feil eller for gammel. Prøv koden appen viser nå.
account-totp-not-started = Start registreringen av totrinnsinnlogging først.
account-email-invalid = Skriv en e-postadresse, som navn@example.no.
account-second-factor-required = Passordet er riktig. Send også koden fra autentiseringsappen (feltet «code»).
account-password-change-required = Du må velge et nytt passord før du kan fortsette (PUT /api/me/password, eller siden /account/password).
account-totp-enrolment-required = Plattformadministratorer må slå på totrinnsinnlogging før de kan fortsette (/api/me/totp, eller siden /account/totp).
account-invited = En invitasjon er laget for { $email }. Gi lenken til personen selv: den virker én gang, i 24 timer.
account-reset-created = En lenke for nytt passord er laget for { $email }. Gi lenken til personen selv: den virker én gang, i 24 timer.

account-nav = Konto
account-password-title = Bytt passord
account-password-intro = Et godt passord er langt: en setning du husker, med minst 12 tegn. De mest brukte passordene godtas ikke.
account-password-forced = Du logget inn med et engangspassord. Velg ditt eget passord før du fortsetter.
account-field-current = Passordet du har nå
account-field-new = Nytt passord
account-hint-new = Minst 12 tegn, og ikke et av de mest brukte passordene.
account-password-submit = Bytt passord

account-totp-title = Totrinnsinnlogging
account-totp-intro = Med totrinnsinnlogging trenger du både passordet og en kode fra en autentiseringsapp på telefonen for å logge inn.
account-totp-required = Plattformadministratorer må ha totrinnsinnlogging. Slå den på før du fortsetter.
account-totp-on = Totrinnsinnlogging er på. { $left } av 10 gjenopprettingskoder er ubrukt.
account-totp-off = Totrinnsinnlogging er av.
account-totp-oidc = Du logger inn gjennom virksomhetens innlogging, som står for totrinnsinnloggingen.
account-totp-begin = Slå på totrinnsinnlogging
account-totp-secret = Hemmelig nøkkel
account-totp-uri = Lenke for autentiseringsapper
account-totp-add = Legg nøkkelen inn i autentiseringsappen din (skriv den inn, eller åpne lenken på telefonen), og skriv inn koden appen viser.
account-field-code = Kode
account-hint-code = Seks sifre fra autentiseringsappen.
account-hint-code-or-recovery = Seks sifre fra autentiseringsappen, eller en av gjenopprettingskodene.
account-totp-confirm = Bekreft og slå på
account-recovery-title = Gjenopprettingskodene dine
account-recovery-intro = Skriv ned kodene og oppbevar dem trygt. Hver kode virker én gang i stedet for en kode fra appen, om du mister telefonen. De vises bare nå.
account-recovery-done = Jeg har tatt vare på kodene
account-totp-disable-title = Slå av totrinnsinnlogging
account-field-password = Passord
account-totp-disable = Slå av totrinnsinnlogging

account-login-code-title = Kode fra autentiseringsappen
account-login-code-intro = Skriv koden autentiseringsappen viser nå, eller en av gjenopprettingskodene dine.
account-login-code-submit = Logg inn
account-login-code-expired = Innloggingen tok for lang tid. Logg inn på nytt.

account-link-invalid = Lenken er brukt, utløpt eller ukjent. Be administratoren om en ny.
account-reset-title = Velg nytt passord
account-reset-intro = Velg et nytt passord for { $email }. Alle innlogginger på kontoen avsluttes.
account-reset-submit = Lagre nytt passord
account-reset-done = Passordet er lagret. Logg inn med det nye passordet.
account-invite-title = Invitasjon til { $body }
account-invite-intro = { $email } er invitert til { $body } med rollen { $role }.
account-invite-new = Ny i Grunnmur? Velg et passord, så lages kontoen din.
account-invite-existing = Har du allerede en konto? Logg inn først, og åpne lenken igjen.
account-invite-login = Logg inn
account-invite-create = Lag konto og bli med
account-invite-accept = Bli med i { $body }
account-invite-other = Du er logget inn som { $user }, men invitasjonen gjelder { $email }. Logg ut og åpne lenken igjen.
account-invite-exists = Det finnes allerede en konto for denne adressen. Logg inn og åpne lenken igjen.

account-members-invite = Inviter et medlem
account-members-invite-intro = Du får en lenke å gi personen. Med den blir personen medlem, med en ny konto eller sin egen. En ny rolle erstatter den gamle.
account-members-invite-submit = Lag invitasjon
account-members-invitations = Åpne invitasjoner
account-col-expires = Utløper
account-members-reset = Nytt passord for et medlem
account-members-reset-intro = Lag en engangslenke som lar medlemmet velge nytt passord. Gi lenken til personen selv.
account-members-reset-submit = Lag lenke for nytt passord
account-link-title = Lenke å gi videre

account-cli-reset-link = Lenke for nytt passord til { $email } (virker én gang, i 24 timer): { $link }
account-cli-weak = { $field }: { $message }
