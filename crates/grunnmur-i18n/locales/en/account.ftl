# Passwords, the second factor, password reset links and invitations.

account-password-too-short = The password must have at least { $min } characters.
account-password-common = The password is among the most common passwords. Choose another.
account-password-wrong = The password is wrong.
account-password-same = The new password must differ from the one you have.
account-totp-wrong = The code is wrong or too old. Try the code the app shows now.
account-totp-not-started = Start setting up the second factor first.
account-email-invalid = Enter an email address, such as name@example.no.
account-second-factor-required = The password is right. Send the code from the authenticator app too (the field “code”).
account-password-change-required = You must choose a new password before you can go on (PUT /api/me/password, or the page /account/password).
account-totp-enrolment-required = Platform administrators must turn on the second factor before they can go on (/api/me/totp, or the page /account/totp).
account-invited = An invitation was created for { $email }. Hand the link to the person: it works once, for 24 hours.
account-reset-created = A new-password link was created for { $email }. Hand the link to the person: it works once, for 24 hours.

account-nav = Account
account-password-title = Change password
account-password-intro = A good password is long: a sentence you remember, with at least 12 characters. The most common passwords are not accepted.
account-password-forced = You signed in with a one-time password. Choose your own password before you go on.
account-field-current = Your password now
account-field-new = New password
account-hint-new = At least 12 characters, and not one of the most common passwords.
account-password-submit = Change password

account-totp-title = Second factor
account-totp-intro = With a second factor you need both your password and a code from an authenticator app on your phone to sign in.
account-totp-required = Platform administrators must have the second factor. Turn it on before you go on.
account-totp-on = The second factor is on. { $left } of 10 recovery codes are unused.
account-totp-off = The second factor is off.
account-totp-oidc = You sign in through your organisation's login, which provides the second factor.
account-totp-begin = Turn on the second factor
account-totp-secret = Secret key
account-totp-uri = Link for authenticator apps
account-totp-add = Add the key to your authenticator app (type it in, or open the link on your phone), and enter the code the app shows.
account-field-code = Code
account-hint-code = Six digits from the authenticator app.
account-hint-code-or-recovery = Six digits from the authenticator app, or one of the recovery codes.
account-totp-confirm = Confirm and turn on
account-recovery-title = Your recovery codes
account-recovery-intro = Write the codes down and keep them safe. Each works once instead of a code from the app, should you lose your phone. They are shown only now.
account-recovery-done = I have kept the codes
account-totp-disable-title = Turn off the second factor
account-field-password = Password
account-totp-disable = Turn off the second factor

account-login-code-title = Code from the authenticator app
account-login-code-intro = Enter the code the authenticator app shows now, or one of your recovery codes.
account-login-code-submit = Sign in
account-login-code-expired = The sign-in took too long. Sign in again.

account-link-invalid = The link is used, expired or unknown. Ask the administrator for a new one.
account-reset-title = Choose a new password
account-reset-intro = Choose a new password for { $email }. Every session of the account ends.
account-reset-submit = Save the new password
account-reset-done = The password is saved. Sign in with the new password.
account-invite-title = Invitation to { $body }
account-invite-intro = { $email } is invited to { $body } with the role { $role }.
account-invite-new = New to Grunnmur? Choose a password, and your account is created.
account-invite-existing = Have an account already? Sign in first, and open the link again.
account-invite-login = Sign in
account-invite-create = Create the account and join
account-invite-accept = Join { $body }
account-invite-other = You are signed in as { $user }, but the invitation is for { $email }. Sign out and open the link again.
account-invite-exists = An account with this address exists already. Sign in and open the link again.

account-members-invite = Invite a member
account-members-invite-intro = You get a link to hand to the person. With it they become a member, with a new account or their own. A new role replaces the old one.
account-members-invite-submit = Create invitation
account-members-invitations = Open invitations
account-col-expires = Expires
account-members-reset = New password for a member
account-members-reset-intro = Create a one-time link that lets the member choose a new password. Hand the link to the person.
account-members-reset-submit = Create new-password link
account-link-title = Link to hand over

account-cli-reset-link = New-password link for { $email } (works once, for 24 hours): { $link }
account-cli-weak = { $field }: { $message }
