export default definePageConfig({ navigationBarTitleText: '修改心愿' });
