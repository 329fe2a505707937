export default definePageConfig({ navigationBarTitleText: '我的提议', enablePullDownRefresh: true });
