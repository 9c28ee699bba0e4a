import { AddCommentDocument, MySpacesDocument, SpaceThreadsDocument, ThreadCommentsDocument, type ThreadCommentsQuery } from '@kyodo/client';
import { useEffect, useState, type FormEvent } from 'react';
import { useApp, useLoad } from '../app-context.js';
import { ErrorNote, Field, Link, LoadState } from '../components.js';
import { withComment } from '../domain/web-rules.js';
import { formatDateTime } from '../format.js';
import { useI18n } from '../i18n.js';
import { subscribeToComments } from '../live-updates.js';

/** S3: the spaces the viewer may see; a guest sees only the guest spaces they were invited into. */
export function SpacesScreen() {
  const { client } = useApp();
  const { t } = useI18n();
  const spaces = useLoad(() => client.data(MySpacesDocument), 'spaces');
  return (
    <section aria-labelledby="spaces-title">
      <h1 id="spaces-title">{t('spacesTitle')}</h1>
      <LoadState loaded={spaces}>
        {({ spaces: list }) =>
          !list?.length ? (
            <p>{t('noSpaces')}</p>
          ) : (
            <ul className="list" aria-label={t('spacesTitle')}>
              {list.map((space) => (
                <li key={space.id}>
                  <Link to={`/spaces/${space.id}`}>{space.name}</Link>
                  {space.isGuestSpace && <span className="badge">{t('guestSpace')}</span>}
                </li>
              ))}
            </ul>
          )
        }
      </LoadState>
    </section>
  );
}

export function SpaceScreen({ spaceId }: { spaceId: string }) {
  const { client } = useApp();
  const { t, lang } = useI18n();
  const space = useLoad(() => client.data(SpaceThreadsDocument, { id: spaceId }), `space:${spaceId}`);
  return (
    <LoadState loaded={space}>
      {({ space: found }) =>
        !found ? (
          <p role="alert">{t('notFound')}</p>
        ) : (
          <section aria-labelledby="space-title">
            <p>
              <Link to="/spaces">← {t('spacesTitle')}</Link>
            </p>
            <h1 id="space-title">{found.name}</h1>
            <h2>{t('threads')}</h2>
            {found.threads.length === 0 ? (
              <p>{t('noThreads')}</p>
            ) : (
              <ul className="list" aria-label={t('threads')}>
                {found.threads.map((thread) => (
                  <li key={thread.id}>
                    <Link to={`/spaces/${spaceId}/threads/${thread.id}`}>{thread.title}</Link>
                    <span className="meta">
                      {thread.author?.name ?? t('unknownAuthor')} · {formatDateTime(thread.createdAt, lang)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        )
      }
    </LoadState>
  );
}

type LoadedThread = NonNullable<ThreadCommentsQuery['space']>['threads'][number];
type ThreadComment = LoadedThread['comments'][number];

/** S1/S6: a thread's comments; a posted comment (and, once live updates land, one from anyone) is added in place. */
export function ThreadScreen({ spaceId, threadId }: { spaceId: string; threadId: string }) {
  const { client } = useApp();
  const { t } = useI18n();
  const loaded = useLoad(() => client.data(ThreadCommentsDocument, { spaceId }), `thread:${spaceId}`);
  const thread = loaded.data?.space?.threads.find((candidate) => candidate.id === threadId);
  if (loaded.error || !loaded.data) return <LoadState loaded={loaded}>{() => null}</LoadState>;
  if (!thread) return <p role="alert">{t('notFound')}</p>;
  return (
    <section aria-labelledby="thread-title">
      <p>
        <Link to={`/spaces/${spaceId}`}>← {loaded.data.space?.name}</Link>
      </p>
      <h1 id="thread-title">{thread.title}</h1>
      {thread.body && <p className="thread-body">{thread.body}</p>}
      <CommentList threadId={threadId} initial={thread.comments} />
    </section>
  );
}

function CommentList({ threadId, initial }: { threadId: string; initial: readonly ThreadComment[] }) {
  const { client } = useApp();
  const { t, lang } = useI18n();
  const [comments, setComments] = useState<ThreadComment[]>(() => [...initial]);
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  // the seam for commentAdded(threadId): an event is added like the viewer's own comment
  useEffect(() => subscribeToComments(client, threadId, (comment) => setComments((list) => withComment(list, comment))), [client, threadId]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { addComment } = await client.data(AddCommentDocument, { input: { threadId, text: text.trim() } });
      setComments((list) => withComment(list, addComment));
      setText('');
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <h2 id="comments-title">{t('comments')}</h2>
      {/* polite: a comment that arrives live is read out without taking the focus */}
      <ol className="comments" aria-labelledby="comments-title" aria-live="polite" data-testid="comments">
        {comments.map((comment) => (
          <li key={comment.id} data-comment-id={comment.id}>
            <p className="meta">
              {comment.author?.name ?? t('unknownAuthor')} · {formatDateTime(comment.createdAt, lang)}
            </p>
            <p>{comment.text}</p>
          </li>
        ))}
      </ol>
      {comments.length === 0 && <p>{t('noComments')}</p>}
      <form onSubmit={submit}>
        <Field label={t('newComment')}>
          <textarea name="comment" value={text} onChange={(e) => setText(e.target.value)} rows={3} required />
        </Field>
        <ErrorNote error={error} />
        <button type="submit" disabled={busy || !text.trim()}>
          {t('post')}
        </button>
      </form>
    </>
  );
}
