/**
 * The one list of error codes a cloud action can answer with, each with the Chinese
 * message a resident sees. Codes are stable strings the client may branch on.
 */
export const ERROR_MESSAGES = {
  INVALID_INPUT: '填写的信息有误，请检查后再试',
  UNKNOWN_FUNCTION: '服务不存在',
  UNKNOWN_ACTION: '不支持的操作',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '您没有权限进行此操作',
  NOT_FOUND: '内容不存在或已删除',
  CONFLICT: '操作冲突，请刷新后重试',
  CONTENT_REJECTED: '内容包含不适宜的信息，请修改后再提交',
  ALREADY_VOLUNTEER: '您已是注册志愿者',
  ALREADY_PARTY_MEMBER: '您已通过双报到认证',
  APPLICATION_PENDING: '您已有一份申请正在审核中',
  APPLICATION_DECIDED: '该申请已处理',
  REASON_REQUIRED: '请填写驳回理由',
  POINTS_INSUFFICIENT: '积分不足',
  OUT_OF_STOCK: '已兑完',
  OVER_LIMIT: '超出限兑数量',
  OFF_SHELF: '该物品已下架',
  ORDER_NOT_CANCELLABLE: '订单已领取或已取消，无法取消',
  ORDER_NOT_PICKABLE: '该订单不能核销（已领取、已取消或已过期）',
  PICKUP_CODE_UNKNOWN: '取货码不存在，请核对后重试',
  REQUEST_REUSED: '重复的请求编号，但内容不同',
  STOCK_NEGATIVE: '库存不能小于零',
  EVENT_NOT_OPEN: '活动未开放报名',
  SIGNUP_CLOSED: '报名已截止',
  NOT_ELIGIBLE: '您不符合该活动的报名条件',
  ALREADY_SIGNED_UP: '您已报名该活动',
  NOT_SIGNED_UP: '您未报名该活动',
  NOT_LEADER: '只有活动负责人可以操作',
  TOKEN_INVALID: '签到码无效，请重新扫码',
  TOKEN_EXPIRED: '签到码已过期，请扫描最新的签到码',
  TOKEN_WRONG_EVENT: '这是其他活动的签到码',
  TOKEN_WRONG_PURPOSE: '请扫描对应的签到码或签退码',
  OUTSIDE_WINDOW: '不在活动签到时间内',
  ALREADY_CHECKED_IN: '您已签到',
  ALREADY_CHECKED_OUT: '您已签退',
  NOT_CHECKED_IN: '请先签到再签退',
  HOURS_CONFIRMED: '服务时长已确认',
  EVENT_NOT_ENDED: '活动结束后才能确认时长',
  PROPOSAL_NOT_ACCEPTED: '该提议尚未进入需求清单',
  PROPOSAL_MERGED: '该提议已合并到其他提议，请为合并后的提议附议',
  PROPOSAL_HIDDEN: '该提议已被隐藏',
  PROPOSAL_ALREADY_SUPPORTED: '您已附议过该提议',
  PROPOSAL_DECIDED: '该提议已处理',
  PROPOSAL_REASON_REQUIRED: '不予采纳请填写公开的理由',
  PROPOSAL_MERGE_INVALID: '只能合并到需求清单中的另一条提议',
  PROPOSAL_ON_ROUND: '该提议在投票菜单中，不能合并、驳回或再次上菜单',
  PROPOSAL_NOT_READY: '该提议的附议人数未达到上菜单标准',
  PROPOSAL_UNAVAILABLE: '该提议不能上菜单（未进入需求清单、已隐藏或已立项）',
  ROUND_NOT_STARTED: '投票尚未开始',
  ROUND_ENDED: '投票已结束',
  ROUND_CANCELLED: '本轮投票已取消',
  ROUND_FROZEN: '投票即将开始或已开始，规则、菜单和预算不能再修改',
  ROUND_MENU_TOO_SMALL: '投票菜单至少需要两条提议',
  ROUND_RULE_INVALID: '投票规则无效',
  ROUND_COST_MISSING: '按预算投票时，菜单中的每条提议都需要估算费用',
  ROUND_NOT_IN_PUBLICITY: '不在结果公示期内，不能提出异议',
  ROUND_OBJECTION_EXISTS: '您已对本轮结果提出过异议',
  ROUND_OBJECTION_ANSWERED: '该异议已答复',
  ROUND_NOT_FINAL: '投票结果确定后才能立项',
  BALLOT_ALREADY_CAST: '您已投过票，选票提交后不能更改',
  BALLOT_EMPTY: '请至少选择一项',
  BALLOT_TOO_MANY: '所选项数超出本轮上限',
  BALLOT_OVER_BUDGET: '所选提议的费用合计超出本轮预算',
  BALLOT_DUPLICATE_CHOICE: '同一条提议只能选一次',
  BALLOT_NOT_ON_MENU: '所选提议不在本轮投票菜单中',
  BALLOT_NOT_ELIGIBLE: '您不符合本轮投票条件',
  PROJECT_EXISTS: '该提议已立项',
  PROJECT_NOT_WINNER: '只有入选的提议才能立项',
  PROJECT_COMPLETED: '项目已完成，不能再修改',
  PROJECT_NOT_COMPLETED: '项目完成后才能评价',
  PROJECT_ALREADY_RATED: '您已评价过该项目',
  PROJECT_NOT_PARTICIPANT: '只有参与本项目投票或活动的居民可以评价',
  WISH_OPEN_LIMIT: '您进行中的心愿已达上限，完成或撤回后再发布新的心愿',
  WISH_DUE_INVALID: '期望日期须在今天到90天之内',
  WISH_MANAGED_ONLY: '只能为社区登记的居民代发布心愿',
  WISH_REVIEWED: '该心愿已审核过',
  WISH_HIDDEN: '该心愿已被屏蔽',
  WISH_NOT_EDITABLE: '该心愿已被认领或已结束，不能修改',
  WISH_NOT_WITHDRAWABLE: '已被认领或已结束的心愿不能撤回',
  WISH_NOT_MEMBER: '仅通过双报到认证的党员可以认领微心愿',
  WISH_NOT_CLAIMABLE: '该心愿当前不能认领',
  WISH_TAKEN: '该心愿已被其他党员认领',
  WISH_OWN: '不能认领自己发布的心愿',
  WISH_OVERDUE: '该心愿已过期望日期，暂不能认领',
  WISH_CLAIM_LIMIT: '您认领中的心愿已达上限，请先完成已认领的心愿',
  WISH_NOT_CLAIMER: '您不是该心愿的认领人',
  WISH_NOT_CLAIMED: '该心愿当前没有进行中的认领',
  WISH_NOT_FULFILLED: '党员尚未提交完成情况，暂不能确认',
  WISH_NOT_RECIPIENT: '只有心愿人本人可以确认收到（社区登记的居民由工作人员代为确认）',
  REPORT_NOT_PUBLIC: '该内容已不公开，无需举报',
  REPORT_OWN: '不能举报自己发布的内容',
  REPORT_DECIDED: '该举报已处理',
  INTERNAL: '系统繁忙，请稍后再试',
  NETWORK: '网络不给力，请检查网络后重试',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export type Ok<T> = { ok: true; data: T };
export type Fail = { ok: false; code: ErrorCode; message: string };
/** The envelope every cloud action answers with. */
export type Result<T> = Ok<T> | Fail;

export function ok<T>(data: T): Ok<T> {
  return { ok: true, data };
}

export function fail(code: ErrorCode, message: string = ERROR_MESSAGES[code]): Fail {
  return { ok: false, code, message };
}

/** Thrown by handlers and rules; the router turns it into a `Fail` envelope. */
export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string = ERROR_MESSAGES[code]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, value);
}
