import { AcceptInvitationDocument } from '@kyodo/client';
import { useState, type FormEvent } from 'react';
import { useApp } from '../app-context.js';
import { ErrorNote, Field } from '../components.js';
import { useI18n } from '../i18n.js';
import { TotpEnrolment } from './sign-in-screen.js';

/** S4: the invitation mail's link lands here (/app/invitations/accept?token=): name and password, then the guest is signed in. */
export function AcceptInvitationScreen({ token }: { token: string | null }) {
  const { client, signedIn } = useApp();
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // T3: where the organisation requires a one-time password, the new guest enrols before going on
  const [enrol, setEnrol] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!token) return;
    setBusy(true);
    setError(null);
    try {
      const { acceptInvitation } = await client.data(AcceptInvitationDocument, { input: { token, name: name.trim(), password } });
      client.setSession(acceptInvitation);
      if (acceptInvitation.totpEnrollmentRequired) setEnrol(true);
      else await signedIn();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  if (enrol) return <TotpEnrolment onDone={signedIn} />;
  return (
    <section aria-labelledby="accept-title" className="narrow">
      <h1 id="accept-title">{t('acceptTitle')}</h1>
      {!token ? (
        <p role="alert" className="error">
          {t('missingToken')}
        </p>
      ) : (
        <form onSubmit={submit}>
          <p>{t('acceptIntro')}</p>
          <Field label={t('name')}>
            <input name="name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" required />
          </Field>
          <Field label={t('newPassword')}>
            <input name="password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" minLength={10} required />
          </Field>
          <ErrorNote error={error} />
          <button type="submit" disabled={busy}>
            {t('accept')}
          </button>
        </form>
      )}
    </section>
  );
}
