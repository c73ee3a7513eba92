import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { StatusMessage } from '../../app/forms';
import { useT } from '../../i18n/i18n';
import { joinUrl, spelledCode } from './api';
import { wsMessages } from './messages';
import type { TabProps } from './WorkshopPage';

/** The join code, big and readable; screen readers hear it spelled out. */
export function JoinCode({ code, className = 'ws-code' }: { code: string; className?: string }) {
  const t = useT(wsMessages);
  return (
    <p className={className}>
      <span aria-hidden="true">{code}</span>
      <span className="visually-hidden">{t('joinCodeSpelled', { code: spelledCode(code) })}</span>
    </p>
  );
}

/** Beitreten: code, link, QR code and the full-screen view for the projector. */
export function JoinTab({ workshop: w }: TabProps) {
  const t = useT(wsMessages);
  const url = joinUrl(w.joinCode);
  const [copied, setCopied] = useState('');

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(t('copied'));
    } catch {
      // Without clipboard access (plain http): select the link so Ctrl+C works.
      const el = document.getElementById('ws-join-url');
      if (el) window.getSelection()?.selectAllChildren(el);
    }
  }

  return (
    <>
      <p className="muted">{t('joinIntro')}</p>
      <div className="ws-join">
        <div className="card">
          <h3 style={{ marginTop: 0 }}>{t('joinCode')}</h3>
          <JoinCode code={w.joinCode} />
          <h3>{t('joinLink')}</h3>
          <p className="ws-url"><a id="ws-join-url" href={url}>{url}</a></p>
          <div className="actions">
            <button type="button" className="btn" onClick={copy}>{t('copy')}</button>
          </div>
          <StatusMessage message={copied} />
        </div>
        <div className="card ws-qr-card">
          <img className="ws-qr" src={api.url(`/workshops/${w.id}/qr.svg`)} alt={t('qrAlt', { url })} width={240} height={240} />
        </div>
      </div>
      <p>
        <Link className="btn primary" to={`/workshops/${w.id}/join-screen`}>{t('beamer')}</Link>
      </p>
      <p className="hint muted">{t('beamerHint')}</p>
    </>
  );
}
