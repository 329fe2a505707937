export default definePageConfig({ navigationBarTitleText: '微心愿管理', enablePullDownRefresh: true });
