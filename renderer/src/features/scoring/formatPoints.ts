// The formatters live in renderer/src/app/format; SheetForm still imports them from here.
export { formatPoints } from '../../app/format/points';
export { formatDateTime, formatTime } from '../../app/format/dateTime';
