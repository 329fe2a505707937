export default definePageConfig({ navigationBarTitleText: '微实事项目管理' });
