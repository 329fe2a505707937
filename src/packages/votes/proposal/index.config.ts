export default definePageConfig({ navigationBarTitleText: '提议详情', enablePullDownRefresh: true });
