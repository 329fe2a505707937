export default definePageConfig({ navigationBarTitleText: '百姓点菜', enablePullDownRefresh: true });
