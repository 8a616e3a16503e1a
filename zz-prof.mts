import { generateDoc } from './src/server/modules/search/corpus.test-support.ts'
import { entryRow, insertSql } from './src/server/modules/search/store.ts'
let t = performance.now()
const docs = Array.from({ length: 2000 }, (_, k) => generateDoc(3, k))
console.log('gen ms/1000', (performance.now() - t) / 2)
t = performance.now()
const rows = docs.map((d, k) => entryRow('documentIn', { targetId: crypto.randomUUID(), organizationId: crypto.randomUUID(), title: d.subject, numberAndNotation: d.numberAndNotation, senderName: d.senderName, senderOrganizationId: null, signerName: d.signerName, documentType: d.documentType, registerId: null, unitId: null, state: 'completed', docDate: d.issueDate, body: d.body, readers: ['a'] }))
console.log('entryRow ms/1000', (performance.now() - t) / 2)
console.log('avg body', rows.reduce((a, r) => a + (r.body?.length ?? 0), 0) / rows.length, 'avg tsv', rows.reduce((a, r) => a + r.tsv.length, 0) / rows.length, 'title_tsv', rows.reduce((a, r) => a + r.titleTsv.length, 0) / rows.length)
t = performance.now()
insertSql(rows.slice(0, 1000), new Date())
console.log('insertSql ms/1000', performance.now() - t)
