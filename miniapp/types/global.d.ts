/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.svg'
declare module '*.scss'

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5'
  }
}

/** API origin injected by config/index.ts: '' for H5 (same origin), absolute for weapp. */
declare const API_BASE: string
