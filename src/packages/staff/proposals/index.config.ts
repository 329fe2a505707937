export default definePageConfig({ navigationBarTitleText: '审核提议', enablePullDownRefresh: true });
