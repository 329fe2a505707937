export default definePageConfig({ navigationBarTitleText: '在职党员双报到', enablePullDownRefresh: true });
