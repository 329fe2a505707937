export default definePageConfig({ navigationBarTitleText: '爱心超市', enablePullDownRefresh: true });
