export default definePageConfig({ navigationBarTitleText: '居民管理', enablePullDownRefresh: true });
