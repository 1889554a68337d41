/**
 * GET /api/export/products.csv and .xlsx: the public registry as open data, streamed; for a signed-in
 * official, what they may read (their county's drafts too; an admin's, every draft), and in the XLSX the
 * usage returns of the users they manage; never cached.
 */
import { once } from 'node:events';
import type { Readable } from 'node:stream';
import { Router, type Response } from 'express';
import { ProductFilter } from '../../db/model';
import { viewerOf, type AppContext } from '../context';
import { assertCountyKnown } from '../domain/places/county-history';
import { validate } from '../validate';

const stamp = () => new Date().toISOString().slice(0, 10);

/**
 * Export routes. A task worker writes the file as it reads the registry and the response streams
 * it out as the client takes it: the first bytes leave at once, and neither thread holds the whole
 * file. A failure after the headers have gone can only cut the download short.
 */
export function exportRoutes({ pool, db }: AppContext): Router {
  /** The checked filter: a county it names must be one the registry has had (a 400 in JSON, before the file's headers). */
  const filterOf = (query: unknown) => {
    const filter = validate(ProductFilter, query, 'query');
    if (filter.county) assertCountyKnown(db, filter.county);
    return filter;
  };
  /** What the request's viewer may download, and how long a cache may keep it (a signed-in export only in no cache). */
  const scopeOf = (res: Response) => {
    const viewer = viewerOf(res);
    res.set('Cache-Control', viewer ? 'private, no-store' : 'no-cache');
    if (viewer) res.vary('Cookie');
    return viewer;
  };
  const send = async (res: Response, chunks: Readable) => {
    try {
      for await (const chunk of chunks) {
        if (!res.write(chunk)) await once(res, 'drain');
        // The compression middleware's brotli would otherwise hold everything back until the end.
        (res as Response & { flush?: () => void }).flush?.();
      }
      res.end();
    } catch (error) {
      chunks.destroy();
      if (!res.headersSent) throw error;
      res.destroy();
    }
  };
  return Router()
    .get('/api/export/products.csv', async (req, res) => {
      const filter = filterOf(req.query);
      res.type('text/csv; charset=utf-8').attachment(`jincheng-gi-${stamp()}.csv`);
      await send(res, pool.stream('exportCsv', { filter, viewer: scopeOf(res) }));
    })
    .get('/api/export/products.xlsx', async (req, res) => {
      const filter = filterOf(req.query);
      // A signed-in official's copy adds the usage returns they manage: private, never kept by a cache.
      res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .attachment(`jincheng-gi-${stamp()}.xlsx`);
      const viewer = scopeOf(res);
      await send(res, viewer ? pool.stream('exportXlsxForOfficial', { filter, viewer }) : pool.stream('exportXlsx', { filter, viewer }));
    });
}
