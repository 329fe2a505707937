export default definePageConfig({ navigationBarTitleText: '参与者与时长', enablePullDownRefresh: true });
