"""Runs examples/pos_sale.py against a real server (scripts/with-server.sh sets SALES_SERVER_URL and
SALES_API_KEY, and the server runs with --webhook-allow-private) and checks every outcome exactly."""

import os
import sys
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "examples"))
import pos_sale  # noqa: E402
import readme_sale  # noqa: E402
from sales_client import AuthenticatedClient  # noqa: E402
from sales_client.api.products import create_product  # noqa: E402
from sales_client.api.stock import adjust_stock  # noqa: E402
from sales_client.models import ProductInput, StockAdjustmentInput  # noqa: E402


class PosSaleTest(unittest.TestCase):
    def test_a_sale_with_lost_answers_happens_once_and_every_webhook_verifies(self) -> None:
        result = pos_sale.run(os.environ["SALES_SERVER_URL"], os.environ["SALES_API_KEY"], lose_answers=4)
        self.assertEqual(result["order_total"], 3998)
        self.assertEqual(result["invoice_total"], 3998)
        self.assertEqual(result["payment_amount"], 3998)
        self.assertEqual(result["invoice_status"], "paid")
        # The first four POSTs (customer, product, stock, order) each lost an answer and were sent
        # again with their key; each ran once: one order for the sale; 6 POSTs + 4 retries + 1 GET.
        self.assertEqual(result["orders_for_sale"], 1)
        self.assertEqual(result["requests_sent"], 11)
        self.assertEqual(result["events"], ["order.created", "order.confirmed", "invoice.created", "invoice.paid"])
        self.assertEqual(
            result["webhooks"],
            sorted(
                [
                    ("forged", False, True),
                    ("invoice.created", True, True),
                    ("invoice.paid", True, True),
                    ("order.confirmed", True, True),
                    ("order.created", True, True),
                ]
            ),
        )

    def test_the_readmes_sale_is_paid(self) -> None:
        client = AuthenticatedClient(base_url=os.environ["SALES_SERVER_URL"], token=os.environ["SALES_API_KEY"])
        product = create_product.sync(client=client, body=ProductInput(sku=f"BAG-{os.urandom(4).hex()}", name="Beans 1 kg", unit_price=1999))
        adjust_stock.sync(product.id, client=client, body=StockAdjustmentInput(quantity=5))
        invoice = readme_sale.sell_two_bags(client, product.id)
        self.assertEqual((invoice.status.value, invoice.total, invoice.amount_due), ("paid", 3998, 0))

    def test_signature_checks(self) -> None:
        body = b'{"id":42,"type":"invoice.paid"}'
        header = "t=1767323045,v1=" + __import__("hmac").new(b"whsec_x", b"1767323045." + body, "sha256").hexdigest()
        self.assertTrue(pos_sale.verify_signature(body, header, "whsec_x", now=1767323045 + 300))
        self.assertFalse(pos_sale.verify_signature(body, header, "whsec_x", now=1767323045 + 301))
        self.assertFalse(pos_sale.verify_signature(body + b" ", header, "whsec_x", now=1767323045))
        self.assertFalse(pos_sale.verify_signature(body, header, "whsec_y", now=1767323045))
        self.assertFalse(pos_sale.verify_signature(body, "v1=00", "whsec_x", now=1767323045))


if __name__ == "__main__":
    unittest.main(verbosity=2)
