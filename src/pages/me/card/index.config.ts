export default definePageConfig({ navigationBarTitleText: '电子志愿者证' });
