# Passord, totrinnsinnlogging, lenkjer for nytt passord og invitasjonar.

account-password-too-short = Passordet må ha minst { $min } teikn.
account-password-common = Passordet er mellom dei mest brukte passorda. Vel eit anna.
account-password-wrong = Passordet er feil.
account-password-same = Det nye passordet må vere eit anna enn det du har no.
account-totp-wrong = Koden er feil eller for gammal. Prøv koden appen viser no.
account-totp-not-started = Start registreringa av totrinnsinnlogging først.
account-email-invalid = Skriv ei e-postadresse, som namn@example.no.
account-second-factor-required = Passordet er rett. Send òg koden frå autentiseringsappen (feltet «code»).
account-password-change-required = Du må velje eit nytt passord før du kan halde fram (PUT /api/me/password, eller sida /account/password).
account-totp-enrolment-required = Plattformadministratorar må slå på totrinnsinnlogging før dei kan halde fram (/api/me/totp, eller sida /account/totp).
account-invited = Ein invitasjon er laga for { $email }. Gi lenkja til personen sjølv: ho verkar éin gong, i 24 timar.
account-reset-created = Ei lenkje for nytt passord er laga for { $email }. Gi lenkja til personen sjølv: ho verkar éin gong, i 24 timar.

account-nav = Konto
account-password-title = Byt passord
account-password-intro = Eit godt passord er langt: ei setning du hugsar, med minst 12 teikn. Dei mest brukte passorda vert ikkje godtekne.
account-password-forced = Du logga inn med eit eingongspassord. Vel ditt eige passord før du held fram.
account-field-current = Passordet du har no
account-field-new = Nytt passord
account-hint-new = Minst 12 teikn, og ikkje eitt av dei mest brukte passorda.
account-password-submit = Byt passord

account-totp-title = Totrinnsinnlogging
account-totp-intro = Med totrinnsinnlogging treng du både passordet og ein kode frå ein autentiseringsapp på telefonen for å logge inn.
account-totp-required = Plattformadministratorar må ha totrinnsinnlogging. Slå ho på før du held fram.
account-totp-on = Totrinnsinnlogging er på. { $left } av 10 gjenopprettingskodar er ubrukte.
account-totp-off = Totrinnsinnlogging er av.
account-totp-oidc = Du loggar inn gjennom innlogginga til verksemda, som står for totrinnsinnlogginga.
account-totp-begin = Slå på totrinnsinnlogging
account-totp-secret = Hemmeleg nøkkel
account-totp-uri = Lenkje for autentiseringsappar
account-totp-add = Legg nøkkelen inn i autentiseringsappen din (skriv han inn, eller opne lenkja på telefonen), og skriv inn koden appen viser.
account-field-code = Kode
account-hint-code = Seks siffer frå autentiseringsappen.
account-hint-code-or-recovery = Seks siffer frå autentiseringsappen, eller ein av gjenopprettingskodane.
account-totp-confirm = Stadfest og slå på
account-recovery-title = Gjenopprettingskodane dine
account-recovery-intro = Skriv ned kodane og ta trygt vare på dei. Kvar kode verkar éin gong i staden for ein kode frå appen, om du mistar telefonen. Dei vert berre viste no.
account-recovery-done = Eg har teke vare på kodane
account-totp-disable-title = Slå av totrinnsinnlogging
account-field-password = Passord
account-totp-disable = Slå av totrinnsinnlogging

account-login-code-title = Kode frå autentiseringsappen
account-login-code-intro = Skriv koden autentiseringsappen viser no, eller ein av gjenopprettingskodane dine.
account-login-code-submit = Logg inn
account-login-code-expired = Innlogginga tok for lang tid. Logg inn på nytt.

account-link-invalid = Lenkja er brukt, gått ut eller ukjend. Be administratoren om ei ny.
account-reset-title = Vel nytt passord
account-reset-intro = Vel eit nytt passord for { $email }. Alle innloggingar på kontoen vert avslutta.
account-reset-submit = Lagre nytt passord
account-reset-done = Passordet er lagra. Logg inn med det nye passordet.
account-invite-title = Invitasjon til { $body }
account-invite-intro = { $email } er invitert til { $body } med rolla { $role }.
account-invite-new = Ny i Grunnmur? Vel eit passord, så vert kontoen din laga.
account-invite-existing = Har du alt ein konto? Logg inn først, og opne lenkja igjen.
account-invite-login = Logg inn
account-invite-create = Lag konto og bli med
account-invite-accept = Bli med i { $body }
account-invite-other = Du er innlogga som { $user }, men invitasjonen gjeld { $email }. Logg ut og opne lenkja igjen.
account-invite-exists = Det finst alt ein konto for denne adressa. Logg inn og opne lenkja igjen.

account-members-invite = Inviter eit medlem
account-members-invite-intro = Du får ei lenkje å gi personen. Med henne vert personen medlem, med ein ny konto eller sin eigen. Ei ny rolle erstattar den gamle.
account-members-invite-submit = Lag invitasjon
account-members-invitations = Opne invitasjonar
account-col-expires = Går ut
account-members-reset = Nytt passord for eit medlem
account-members-reset-intro = Lag ei eingongslenkje som lèt medlemmet velje nytt passord. Gi lenkja til personen sjølv.
account-members-reset-submit = Lag lenkje for nytt passord
account-link-title = Lenkje å gi vidare

account-cli-reset-link = Lenkje for nytt passord til { $email } (verkar éin gong, i 24 timar): { $link }
account-cli-weak = { $field }: { $message }
