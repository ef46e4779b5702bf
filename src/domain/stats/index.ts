export * from '../time/days'
export * from './stats'
