/** GET /api/products/:id/qr.svg: the QR code of a public product's page, for everyone (open data). */
import { Router, type Request } from 'express';
import type { AppContext } from '../context';
import { productPageUrl, qrSvg } from '../exchange/export/product-qr';
import { readableProductNames } from '../domain/products/products-read';
import { HttpError, notFound } from '../errors';
import { makeReadyBody, sendReadyBody, type ReadyBody } from '../snapshot/ready-body';
import { idParam } from '../validate';
import { siteRoot } from '../base-path';

/** 404: the server does not know its public address (PUBLIC_BASE_URL), so it draws no QR code. */
const noPublicAddress = () => new HttpError(404, 'no_public_address',
  '未设置 PUBLIC_BASE_URL：服务器不知道网站的公开地址，因此不生成二维码 / PUBLIC_BASE_URL is not set: the server does not know the site\u2019s public address, so it draws no QR code');

/** Codes kept ready (about 2 KB each): a code depends on its address alone, never on the registry's version. */
const KEPT_CODES = 2_000;

/** The QR route. A draft or archived product has no public page, so it has no code either, whoever asks. */
export function productQrRoutes({ db, config }: AppContext): Router {
  // The site's address: PUBLIC_BASE_URL only. A code is printed and kept by shared caches, so it never
  // encodes the Host a request names (anyone can name any); without the setting there is no code.
  const baseOf = (req: Request) => {
    if (!config.publicBaseUrl) throw noPublicAddress();
    return siteRoot(config, req);
  };
  const kept = new Map<string, ReadyBody>();
  const codeOf = async (url: string) => {
    let body = kept.get(url);
    if (!body) {
      if (kept.size >= KEPT_CODES) kept.clear();
      kept.set(url, body = makeReadyBody('image/svg+xml; charset=utf-8', await qrSvg(url)));
    }
    return body;
  };
  return Router()
    .get('/api/products/:id/qr.svg', async (req, res) => {
      const id = idParam(req.params.id);
      if (readableProductNames(db, id, null) === null) throw notFound('product');
      // Revalidated each time (a product may be withdrawn); an unchanged code is a 304 by its ETag.
      sendReadyBody(req, res, await codeOf(productPageUrl(baseOf(req), id)), 'public, no-cache');
    });
}
