/** How people are named to others. */

/** A resident's real name once they gave one (volunteers, 双报到), else their nickname. */
export function displayName(user: { realName: string; nickname: string }): string {
  return user.realName || user.nickname;
}

/**
 * What a closed account is called wherever its records remain (service records, the ledger,
 * ballots): the records stay complete (民政部令第67号), the person is no longer named.
 */
export const CLOSED_ACCOUNT_NAME = '已注销用户';
