export {
  buildPublicList,
  PUBLIC_LIST_COLUMNS,
  publicListTitle,
  type PublicList,
  type PublicListGroup,
  type PublicListRow,
} from './publicList';
export { publicListTables, publicSheetNames, writePublicListWorkbook } from './publicListWorkbook';
