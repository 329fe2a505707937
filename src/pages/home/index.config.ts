// Pull down to read the first screen again (useCall reloads it, as on every list page).
export default definePageConfig({ navigationBarTitleText: '邻里通', enablePullDownRefresh: true });
