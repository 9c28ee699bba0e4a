import { ConfirmTotpDocument, EnableTotpDocument, SignInDocument } from '@kyodo/client';
import { useState, type FormEvent } from 'react';
import { useApp } from '../app-context.js';
import { ErrorNote, Field } from '../components.js';
import { useI18n } from '../i18n.js';
import { otpRequired } from '../kyodo-session.js';

/** T3: tenant, email and password; the one-time password field appears when the account asks for it. */
export function SignInScreen() {
  const { client, signedIn } = useApp();
  const { t } = useI18n();
  const [tenant, setTenant] = useState('demo');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [otp, setOtp] = useState('');
  const [askOtp, setAskOtp] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [enrol, setEnrol] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { signIn } = await client.data(SignInDocument, { input: { tenant: tenant.trim(), email: email.trim(), password, ...(askOtp ? { otp: otp.trim() } : {}) } });
      client.setSession(signIn);
      if (signIn.totpEnrollmentRequired) setEnrol(true);
      else await signedIn();
    } catch (caught) {
      if (otpRequired(caught) && !askOtp) setAskOtp(true);
      else setError(caught);
    } finally {
      setBusy(false);
    }
  }

  if (enrol) return <TotpEnrolment onDone={signedIn} />;
  return (
    <section aria-labelledby="sign-in-title" className="narrow">
      <h1 id="sign-in-title">{t('signIn')}</h1>
      <form onSubmit={submit}>
        <Field label={t('tenant')}>
          <input name="tenant" value={tenant} onChange={(e) => setTenant(e.target.value)} autoComplete="organization" required />
        </Field>
        <Field label={t('email')}>
          <input name="email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="username" required />
        </Field>
        <Field label={t('password')}>
          <input name="password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" required />
        </Field>
        {askOtp && (
          <>
            <p role="status">{t('otpAsked')}</p>
            <Field label={t('otp')}>
              <input name="otp" inputMode="numeric" pattern="[0-9]{6}" value={otp} onChange={(e) => setOtp(e.target.value)} autoComplete="one-time-code" required autoFocus />
            </Field>
          </>
        )}
        <ErrorNote error={error} />
        <button type="submit" disabled={busy}>
          {t('signIn')}
        </button>
      </form>
    </section>
  );
}

/** T3: a tenant that requires a one-time password has its users enrol at their first sign-in (or on setting their password). */
export function TotpEnrolment({ onDone }: { onDone: () => Promise<void> }) {
  const { client } = useApp();
  const { t } = useI18n();
  const [setup, setSetup] = useState<{ secret: string; otpauthUri: string } | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>(null);

  async function start() {
    try {
      setSetup((await client.data(EnableTotpDocument)).enableTotp);
    } catch (caught) {
      setError(caught);
    }
  }

  async function confirm(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await client.data(ConfirmTotpDocument, { code: code.trim() });
      await onDone();
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <section aria-labelledby="totp-title" className="narrow">
      <h1 id="totp-title">{t('totpEnrolTitle')}</h1>
      <p>{t('totpEnrolIntro')}</p>
      {!setup ? (
        <button type="button" onClick={() => void start()}>
          {t('totpEnrolTitle')}
        </button>
      ) : (
        <form onSubmit={confirm}>
          <p>
            {t('totpSecret')}: <code className="secret">{setup.secret}</code>
          </p>
          <p>
            <a href={setup.otpauthUri}>{setup.otpauthUri}</a>
          </p>
          <Field label={t('otp')}>
            <input name="otp" inputMode="numeric" pattern="[0-9]{6}" value={code} onChange={(e) => setCode(e.target.value)} autoComplete="one-time-code" required />
          </Field>
          <button type="submit">{t('confirm')}</button>
        </form>
      )}
      <ErrorNote error={error} />
    </section>
  );
}
