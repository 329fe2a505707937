export default definePageConfig({ navigationBarTitleText: '点菜投票管理', enablePullDownRefresh: true });
