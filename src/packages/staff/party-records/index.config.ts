export default definePageConfig({ navigationBarTitleText: '双报到记录', enablePullDownRefresh: true });
