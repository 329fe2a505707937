export default definePageConfig({ navigationBarTitleText: '编辑物品' });
