"""README "For integrators" shows sell_two_bags; scripts/readme-test.py checks that the README's
Python block is this text, and Clients/python/tests runs it against a real server."""

from sales_client import AuthenticatedClient
from sales_client.api.customers import create_customer
from sales_client.api.invoices import get_invoice, invoice_order
from sales_client.api.orders import create_order
from sales_client.api.payments import pay_order
from sales_client.models import CustomerInput, LineInput, OrderInput, OrderPaymentInput, PaymentMethod


def sell_two_bags(client: AuthenticatedClient, product_id: int):
    """A POS sale: a walk-in customer buys two bags and pays by card."""
    customer = create_customer.sync(client=client, body=CustomerInput(name="Walk-in"))
    lines = [LineInput(product_id=product_id, quantity=2)]
    order = create_order.sync(client=client, body=OrderInput(customer_id=customer.id, lines=lines, confirm=True))
    invoice = invoice_order.sync(order.id, client=client)
    payment = OrderPaymentInput(amount=invoice.amount_due, method=PaymentMethod.CARD)
    pay_order.sync(order.id, client=client, body=payment)
    return get_invoice.sync(invoice.id, client=client)
