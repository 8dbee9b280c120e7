/** Every string the UI shows, in Chinese (the first language). en.ts mirrors its shape. */
export const zhCN = {
  appName: '评审台',
  language: { zh: '中文', en: 'English', switchTo: 'English' },
  nav: { packets: '项目列表', scoring: '专家评分', home: '评审' },
  home: {
    emptyTitle: '还没有评审',
    emptyBody: '导入省厅下发的评审包，或先载入示例评审熟悉操作。',
    loadDemo: '载入示例评审',
    loadingDemo: '正在载入示例评审…',
    importPackage: '导入评审包（即将提供）',
    rounds: '本机的评审',
    open: '打开',
    source: (source: string) => `来源：${source === 'demo' ? '示例' : source}`,
    packetsAndExperts: (packets: number, experts: number) =>
      `${packets} 个项目 · ${experts} 位专家`,
    kind: { selection: '遴选', evaluation: '评估', inspection: '拉练检查' } as Record<
      string,
      string
    >,
  },
  packets: {
    title: '项目列表',
    search: '搜索项目名称、编号、申报单位或市(州)',
    count: (shown: number, total: number) =>
      shown === total ? `共 ${total} 个项目` : `显示 ${shown} / ${total} 个项目`,
    columns: {
      id: '项目编号',
      title: '项目名称',
      applicant: '申报单位',
      city: '市(州)',
      group: '分组',
      progress: '评分进度',
    },
    progress: (submitted: number, assigned: number) => `${submitted} / ${assigned}`,
    none: '没有符合条件的项目',
    back: '返回项目列表',
    applicant: '申报单位',
    location: '所在地',
    applicantType: '单位类型',
    category: '类别',
    group: '分组',
    fields: '申报信息',
    attachments: '附件',
    noAttachments: '无附件',
    openAttachment: '查看',
    closeAttachment: '关闭预览',
    size: (bytes: number) =>
      bytes < 1024
        ? `${bytes} B`
        : bytes < 1048576
          ? `${(bytes / 1024).toFixed(1)} KB`
          : `${(bytes / 1048576).toFixed(1)} MB`,
  },
  scoring: {
    pickExpert: '请选择您的姓名',
    pickExpertHint: '您只能看到自己的评分表，其他专家的评分在结果汇总前不可见。',
    progress: (done: number, total: number, toDo: number, conflicts: number) =>
      `已提交 ${done} / ${total} · 待评 ${toDo}${conflicts ? ` · 回避 ${conflicts}` : ''}`,
    mySheets: (name: string) => `${name} 的评分表`,
    switchExpert: '切换专家',
    status: {
      draft: '待评',
      inProgress: '评分中',
      submitted: '已提交',
      returned: '已退回',
      conflict: '回避',
    } as Record<string, string>,
    statusColumn: '状态',
    score: '评分',
    view: '查看',
    sheetTitle: '评分表',
    max: (max: number, step: number) => `满分 ${max} · 步长 ${step}`,
    points: '得分',
    sectionSubtotal: (points: string, max: number) => `小计 ${points} / ${max}`,
    total: '总分',
    remaining: (n: number) => (n === 0 ? '全部指标已评分' : `还有 ${n} 项未评分`),
    vetoes: '否决项',
    vetoHint: '勾选任一否决项须填写理由',
    vetoReason: '否决理由',
    comment: '评审意见',
    commentRequired: (threshold: number) => `总分低于 ${threshold} 分时必须填写`,
    submit: '提交评分',
    submitShortcut: 'Ctrl+Enter',
    submitted: (at: string, revision: number) =>
      `已于 ${at} 提交（第 ${revision} 版），评分表已锁定`,
    fixBeforeSubmit: '提交前请完成以下内容：',
    saving: '正在保存…',
    saved: (at: string) => `已保存 ${at}`,
    saveFailed: (message: string) => `保存失败：${message}`,
    backToList: '返回我的评分表',
    keyboardHint: '按 Enter 跳到下一项，Ctrl+Enter 提交',
    notAssigned: '该项目未分配给您',
  },
  errors: {
    title: '出错了',
    reload: '重新载入',
    notFound: '找不到该页面',
  },
};

export type Messages = typeof zhCN;
