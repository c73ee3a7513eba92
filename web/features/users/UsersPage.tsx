import { useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { Alert, ConfirmDialog, EmptyState, ErrorMessage, PageHeader, Spinner, ScrollTable } from '../../components/ui';
import { useCan, useMe } from '../../app/session';
import { usePageTitle } from '../../app/title';
import { useFormat, useLocale, useT } from '../../i18n/i18n';
import { ROLE_LABELS } from '../../../domain/labels';
import type { UserRow } from '../../../contract/auth';
import { useConcept } from '../concept/useConcept';
import { messages } from './messages';
import { AddUserForm } from './AddUserForm';
import { EditUserDialog, ResetPasswordDialog } from './UserDialogs';
import { NewMunicipalityForm } from './NewMunicipalityForm';
import { ErasureDialog } from '../privacy/ErasureDialog';
import { privacyMessages } from '../privacy/messages';

/** /admin/users — members of the current municipality, adding people, and creating another municipality. */
export default function UsersPage() {
  const t = useT(messages);
  usePageTitle(t('title'));
  const { isAdmin } = useCan();
  const me = useMe();
  return (
    <>
      <PageHeader title={t('title')}>
        <p className="muted" style={{ margin: '0.25rem 0 0' }}>{t('intro')}</p>
      </PageHeader>
      {me.data && !isAdmin ? <Alert kind="warn">{t('adminOnly')}</Alert> : me.data ? <UsersAdmin myId={me.data.user.id} /> : null}
    </>
  );
}

type Dialog = { kind: 'edit' | 'password' | 'remove' | 'erase'; user: UserRow } | null;

function UsersAdmin({ myId }: { myId: string }) {
  const t = useT(messages);
  const tp = useT(privacyMessages);
  const { locale } = useLocale();
  const f = useFormat();
  const qc = useQueryClient();
  const users = useQuery({ queryKey: ['users'], queryFn: () => api.get<UserRow[]>('/users') });
  const concept = useConcept();
  const departments = concept.data?.departments ?? [];
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const tableRef = useRef<HTMLDivElement>(null);

  const remove = useMutation({
    mutationFn: (u: UserRow) => api.del(`/users/${u.id}`),
    onSuccess: (_, u) => {
      setNotice(t('removed', { name: u.name }));
      void qc.invalidateQueries({ queryKey: ['users'] });
    },
    onSettled: () => requestAnimationFrame(() => tableRef.current?.focus()),
  });

  const deptName = (id: string | null) => {
    const d = departments.find((x) => x.id === id);
    return d ? d.shortName || d.name : '–';
  };
  const open = (kind: NonNullable<Dialog>['kind'], user: UserRow) => {
    setNotice(null);
    remove.reset();
    setDialog({ kind, user });
  };
  const done = (message: string) => {
    setDialog(null);
    setNotice(message);
  };
  const rows = [...(users.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'de'));

  return (
    <>
      <section aria-labelledby="members-heading">
        <h2 id="members-heading">
          {t('members')}
          {users.data && <span className="muted" style={{ fontWeight: 'normal', fontSize: '1rem' }}> · {users.data.length === 1 ? t('membersCount1') : t('membersCount', { n: users.data.length })}</span>}
        </h2>
        {users.isPending && <Spinner label={t('loading')} />}
        <ErrorMessage error={users.error} />
        <ErrorMessage error={remove.error} />
        {notice && <Alert kind="success">{notice}</Alert>}
        {users.data && rows.length === 0 && <EmptyState>{t('noMembers')}</EmptyState>}
        {rows.length > 0 && (
          <div ref={tableRef} tabIndex={-1}>
            <ScrollTable label={t('members')}>
              <table className="data">
                <caption className="visually-hidden">{t('members')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('name')}</th>
                    <th scope="col">{t('email')}</th>
                    <th scope="col">{t('role')}</th>
                    <th scope="col">{t('department')}</th>
                    <th scope="col">{t('actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((u) => (
                    <tr key={u.id}>
                      <th scope="row">
                        {u.name} {u.id === myId && <span className="muted">{t('you')}</span>}
                      </th>
                      <td style={{ wordBreak: 'break-all' }}>{u.email}</td>
                      <td>{f.label(ROLE_LABELS, u.role)}</td>
                      <td>{deptName(u.departmentId)}</td>
                      <td>
                        <div className="row-actions">
                          <button type="button" className="btn small" onClick={() => open('edit', u)} aria-label={`${t('edit')}: ${u.name}`}>
                            {t('edit')}
                          </button>
                          <button type="button" className="btn small" onClick={() => open('password', u)} aria-label={`${t('resetPassword')}: ${u.name}`}>
                            {t('resetPassword')}
                          </button>
                          {u.id !== myId && (
                            <button type="button" className="btn small danger" onClick={() => open('remove', u)} aria-label={`${t('remove')}: ${u.name}`}>
                              {t('remove')}
                            </button>
                          )}
                          <a className="btn small" href={api.url(`/users/${u.id}/data-export.pdf`, { lang: locale })} download aria-label={`${tp('exportUser')}: ${u.name}`}>
                            {tp('exportUser')}
                          </a>
                          {u.id !== myId && (
                            <button type="button" className="btn small danger" onClick={() => open('erase', u)} aria-label={`${tp('eraseUser')}: ${u.name}`}>
                              {tp('eraseUser')}
                            </button>
                          )}
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="add-heading" style={{ marginTop: '1.5rem' }}>
        <h2 id="add-heading" style={{ marginTop: 0 }}>{t('addHeading')}</h2>
        <AddUserForm departments={departments} />
      </section>

      <section className="card" aria-labelledby="municipality-heading">
        <h2 id="municipality-heading" style={{ marginTop: 0 }}>{t('municipalityHeading')}</h2>
        <NewMunicipalityForm />
      </section>

      {dialog?.kind === 'edit' && (
        <EditUserDialog
          user={dialog.user}
          departments={departments}
          onClose={() => setDialog(null)}
          onDone={(u) => done(t('updated', { name: u.name }))}
        />
      )}
      {dialog?.kind === 'erase' && (
        <ErasureDialog path={`/users/${dialog.user.id}/erasure`} name={dialog.user.name} onClose={() => setDialog(null)}
          onDone={(s) => {
            void qc.invalidateQueries({ queryKey: ['users'] });
            done(tp('erased', { name: dialog.user.name, pseudonym: s.pseudonym }));
          }} />
      )}
      {dialog?.kind === 'password' && (
        <ResetPasswordDialog user={dialog.user} onClose={() => setDialog(null)} onDone={(u) => done(t('passwordReset', { name: u.name }))} />
      )}
      <ConfirmDialog
        open={dialog?.kind === 'remove'}
        title={t('removeTitle')}
        confirmLabel={t('remove')}
        cancelLabel={t('cancel')}
        danger
        onCancel={() => setDialog(null)}
        onConfirm={() => {
          if (dialog) remove.mutate(dialog.user);
          setDialog(null);
        }}
      >
        <p>{dialog?.kind === 'remove' ? t('removeText', { name: dialog.user.name, email: dialog.user.email }) : null}</p>
      </ConfirmDialog>
    </>
  );
}
