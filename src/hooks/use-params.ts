import { useRouter } from '@tarojs/taro';
import type { RouteParams } from '@core/routes';

/** This page's query parameters, named as the route table declares them (each may be missing). */
export function useParams<R extends keyof RouteParams>(_route: R): Partial<RouteParams[R]> {
  return useRouter().params as Partial<RouteParams[R]>;
}
