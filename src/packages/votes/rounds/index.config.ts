export default definePageConfig({ navigationBarTitleText: '点菜投票', enablePullDownRefresh: true });
