export default definePageConfig({ navigationBarTitleText: '代老人发布心愿', enablePullDownRefresh: true });
