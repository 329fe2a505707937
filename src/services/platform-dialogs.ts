/**
 * The platform's toast and modal, behind src/services/feedback.ts, which loads this module in
 * H5 with the first message shown instead of with the first screen (Taro's H5 toast and modal
 * are code, DOM and styles of their own); on the phone they are WeChat's, at no cost.
 */
import Taro from '@tarojs/taro';

export const toast = (options: Taro.showToast.Option) => Taro.showToast(options);
export const modal = (options: Taro.showModal.Option) => Taro.showModal(options);
