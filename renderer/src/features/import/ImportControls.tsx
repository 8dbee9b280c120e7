import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { ImportStatus } from './ImportStatus';
import { RosterForm } from './RosterForm';
import { useRoundImport } from './useRoundImport';

/** 导入评审包 (and on the home page 从名单创建) with the import's progress and outcome. */
export function ImportControls({ withRoster = false }: { withRoster?: boolean }) {
  const { t } = useI18n();
  const importer = useRoundImport();
  const [rosterOpen, setRosterOpen] = useState(false);
  const busy = importer.state.kind === 'busy';
  return (
    <div className="import-controls">
      <div className="actions">
        <button type="button" className="button" onClick={importer.importPackage} disabled={busy}>
          {t.home.importPackage}
        </button>
        {withRoster && (
          <button
            type="button"
            className="button"
            onClick={() => setRosterOpen(true)}
            disabled={busy || rosterOpen}
          >
            {t.importing.fromRoster}
          </button>
        )}
      </div>
      {rosterOpen && <RosterForm importer={importer} onClose={() => setRosterOpen(false)} />}
      <ImportStatus
        state={importer.state}
        onConfirm={importer.confirm}
        onDismiss={importer.dismiss}
      />
    </div>
  );
}
