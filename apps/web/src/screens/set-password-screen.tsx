import { SetPasswordDocument } from '@kyodo/client';
import { useState, type FormEvent } from 'react';
import { useApp } from '../app-context.js';
import { ErrorNote, Field } from '../components.js';
import { useI18n } from '../i18n.js';
import { TotpEnrolment } from './sign-in-screen.js';

/** The onboarding mail's link (/app/set-password?token=): a new member chooses a password and is signed in. */
export function SetPasswordScreen({ token }: { token: string | null }) {
  const { client, signedIn } = useApp();
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [enrol, setEnrol] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!token) return;
    setBusy(true);
    setError(null);
    try {
      const { setPassword: session } = await client.data(SetPasswordDocument, { input: { token, password } });
      client.setSession(session);
      if (session.totpEnrollmentRequired) setEnrol(true);
      else await signedIn();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  if (enrol) return <TotpEnrolment onDone={signedIn} />;
  return (
    <section aria-labelledby="set-password-title" className="narrow">
      <h1 id="set-password-title">{t('setPasswordTitle')}</h1>
      {!token && (
        <p role="alert" className="error">
          {t('missingToken')}
        </p>
      )}
      <form onSubmit={submit}>
        <Field label={t('newPassword')}>
          <input name="password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" minLength={10} required disabled={!token} />
        </Field>
        <ErrorNote error={error} />
        <button type="submit" disabled={busy || !token}>
          {t('setPassword')}
        </button>
      </form>
    </section>
  );
}
