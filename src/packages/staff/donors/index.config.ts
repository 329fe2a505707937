export default definePageConfig({
  navigationBarTitleText: '爱心商家与共建单位',
  enablePullDownRefresh: true,
});
