import type { ReactNode } from 'react';
import type { Loaded } from './app-context.js';
import { errorCodes, errorMessage } from './kyodo-session.js';
import { useI18n } from './i18n.js';
import { navigate } from './router.js';

/** An in-app link: a real <a href> (keyboard, new tab) that routes without a reload. */
export function Link({ to, children, className }: { to: string; children: ReactNode; className?: string }) {
  return (
    <a
      href={`/app${to}`}
      className={className}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}

/** An error announced to screen readers (role="alert"). */
export function ErrorNote({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  const forbidden = errorCodes(error).includes('FORBIDDEN');
  return (
    <p role="alert" className="error">
      {forbidden ? t('notAllowed') : `${t('error')}: ${errorMessage(error)}`}
    </p>
  );
}

/** Loading, error or the content of a load. */
export function LoadState<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ReactNode }) {
  const { t } = useI18n();
  if (loaded.error) return <ErrorNote error={loaded.error} />;
  if (loaded.data === undefined) return <p aria-busy="true">{t('loading')}</p>;
  return <>{children(loaded.data)}</>;
}

export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="field">
      <span>{label}</span>
      {children}
    </label>
  );
}
