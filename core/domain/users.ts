/** How people are named to others. */

/** A resident's real name once they gave one (volunteers, 双报到), else their nickname. */
export function displayName(user: { realName: string; nickname: string }): string {
  return user.realName || user.nickname;
}
