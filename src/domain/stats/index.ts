export * from './days'
export * from './stats'
