/** GET /api/export/products.csv and .xlsx: the public registry as open data. */
import { Router } from 'express';
import { ProductFilter } from '../../db/model';
import type { AppContext } from '../context';
import { exportRows, toCsv, toXlsx } from '../domain/export';
import { validate } from '../validate';

const stamp = () => new Date().toISOString().slice(0, 10);

/** Export routes. */
export function exportRoutes({ db }: AppContext): Router {
  return Router()
    .get('/api/export/products.csv', (req, res) => {
      const rows = exportRows(db, validate(ProductFilter, req.query, 'query'));
      res.type('text/csv; charset=utf-8')
        .attachment(`jincheng-gi-${stamp()}.csv`)
        .send(toCsv(rows));
    })
    .get('/api/export/products.xlsx', async (req, res) => {
      const rows = exportRows(db, validate(ProductFilter, req.query, 'query'));
      res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .attachment(`jincheng-gi-${stamp()}.xlsx`)
        .send(await toXlsx(rows));
    });
}
