/** The community this deployment serves. */
export const COMMUNITY_NAME = '幸福里社区';
/** Who issues service records and certificates (民政部令第67号: the recording organiser). */
export const ORGANISER_NAME = `${COMMUNITY_NAME}居民委员会`;
