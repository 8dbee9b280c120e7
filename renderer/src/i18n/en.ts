import type { Messages } from './zh-CN';

export const en: Messages = {
  appName: 'Review Desk',
  language: { zh: '中文', en: 'English', switchTo: '中文' },
  nav: { packets: 'Packets', scoring: 'Scoring', home: 'Rounds' },
  home: {
    emptyTitle: 'No review round yet',
    emptyBody:
      'Import the round package from the central system, or load the sample round to try things out.',
    loadDemo: 'Load sample round',
    loadingDemo: 'Loading the sample round…',
    importPackage: 'Import round package (coming)',
    rounds: 'Rounds on this laptop',
    open: 'Open',
    source: (source: string) => `Source: ${source === 'demo' ? 'sample' : source}`,
    packetsAndExperts: (packets: number, experts: number) =>
      `${packets} packets · ${experts} experts`,
    kind: { selection: 'Selection', evaluation: 'Evaluation', inspection: 'Inspection' },
  },
  packets: {
    title: 'Packets',
    search: 'Search title, id, applicant or city',
    count: (shown: number, total: number) =>
      shown === total ? `${total} packets` : `${shown} of ${total} packets`,
    columns: {
      id: 'ID',
      title: 'Title',
      applicant: 'Applicant',
      city: 'City',
      group: 'Group',
      progress: 'Sheets in',
    },
    progress: (submitted: number, assigned: number) => `${submitted} / ${assigned}`,
    none: 'No packet matches',
    back: 'Back to packets',
    applicant: 'Applicant',
    location: 'Location',
    applicantType: 'Applicant type',
    category: 'Category',
    group: 'Group',
    fields: 'Application',
    attachments: 'Attachments',
    noAttachments: 'No attachments',
    openAttachment: 'View',
    closeAttachment: 'Close preview',
    size: (bytes: number) =>
      bytes < 1024
        ? `${bytes} B`
        : bytes < 1048576
          ? `${(bytes / 1024).toFixed(1)} KB`
          : `${(bytes / 1048576).toFixed(1)} MB`,
  },
  scoring: {
    pickExpert: 'Choose your name',
    pickExpertHint:
      'You see only your own sheets; other experts’ scores stay hidden until results are compiled.',
    progress: (done: number, total: number, toDo: number, conflicts: number) =>
      `Submitted ${done} / ${total} · to do ${toDo}${conflicts ? ` · conflicts ${conflicts}` : ''}`,
    mySheets: (name: string) => `Sheets of ${name}`,
    switchExpert: 'Switch expert',
    status: {
      draft: 'To do',
      inProgress: 'In progress',
      submitted: 'Submitted',
      returned: 'Returned',
      conflict: 'Conflict',
    },
    statusColumn: 'Status',
    score: 'Score',
    view: 'View',
    sheetTitle: 'Scoring sheet',
    max: (max: number, step: number) => `max ${max} · step ${step}`,
    points: 'Points',
    sectionSubtotal: (points: string, max: number) => `Subtotal ${points} / ${max}`,
    total: 'Total',
    remaining: (n: number) => (n === 0 ? 'All criteria scored' : `${n} criteria left`),
    vetoes: 'Veto checks',
    vetoHint: 'A ticked veto needs a reason',
    vetoReason: 'Reason',
    comment: 'Comment',
    commentRequired: (threshold: number) => `Required when the total is below ${threshold}`,
    submit: 'Submit',
    submitShortcut: 'Ctrl+Enter',
    submitted: (at: string, revision: number) =>
      `Submitted ${at} (revision ${revision}); the sheet is locked`,
    fixBeforeSubmit: 'Before submitting, complete:',
    saving: 'Saving…',
    saved: (at: string) => `Saved ${at}`,
    saveFailed: (message: string) => `Not saved: ${message}`,
    backToList: 'Back to my sheets',
    keyboardHint: 'Enter moves to the next criterion, Ctrl+Enter submits',
    notAssigned: 'This packet is not assigned to you',
  },
  errors: {
    title: 'Something went wrong',
    reload: 'Reload',
    notFound: 'Page not found',
  },
};
