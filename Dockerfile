# One image for the web server, the worker and the migrations (docker-compose.yml picks the command).
FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
# The sources come before the install: its postinstall script is one of them (it installs nothing
# in production, where Temporal is a service of its own).
COPY . .
RUN npm ci --omit=dev && npm cache clean --force
USER node
EXPOSE 3000
CMD ["npm", "run", "server"]
